/** Finds the section elements inside a `<system.webServer>` element, keyed by path below it. */
import { SIMULATED_WEB_SERVER_SECTIONS } from './schema/collections.ts';
import { childElements, type XmlElement } from './xml/xmlTree.ts';

/** Section groups inside system.webServer (a section's element sits below these). */
const SECTION_GROUPS = new Set(['security', 'security/authentication', 'tracing']);

/**
 * The elements of the sections inside one `<system.webServer>`, keyed by their path below it, e.g.
 * `handlers`, `security/requestFiltering`. Unknown sections are included too, so they can be reported
 * as kept but not simulated.
 */
export function collectSectionElements(webServer: XmlElement): Map<string, XmlElement> {
  const sections = new Map<string, XmlElement>();
  const walk = (element: XmlElement, prefix: string): void => {
    for (const child of childElements(element)) {
      const path = prefix + child.name;
      if (SECTION_GROUPS.has(path) && !SIMULATED_WEB_SERVER_SECTIONS.has(path)) walk(child, path + '/');
      else sections.set(path, child);
    }
  };
  walk(webServer, '');
  return sections;
}
