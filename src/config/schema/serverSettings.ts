/**
 * Server-wide applicationHost settings: listenerAdapters (WAS's protocol listeners), webLimits, and the
 * section declarations of <configSections> that govern delegation (overrideModeDefault, allowDefinition).
 */
import type { DiagnosticSink } from '../diagnostics.ts';
import { childElements, getAttribute, type XmlElement } from '../xml/xmlTree.ts';
import { enumOf, readFields, str, timeSpan, uint, type FieldValues } from './fields.ts';

export interface ListenerAdapter {
  /** The protocol: http, net.tcp, net.pipe, net.msmq, msmq.formatname. */
  name: string;
  identity: string;
  protocolManagerDll: string;
}

export const webLimitsFields = {
  connectionTimeout: timeSpan('connectionTimeout', '00:02:00'),
  headerWaitTimeout: timeSpan('headerWaitTimeout', '00:00:00'),
  dynamicIdleThreshold: uint('dynamicIdleThreshold', 0, 0, 10000),
  maxGlobalBandwidth: uint('maxGlobalBandwidth', 4294967295),
  minBytesPerSecond: uint('minBytesPerSecond', 240),
  demandStartThreshold: uint('demandStartThreshold', 2147483647),
  dynamicRegistrationThreshold: uint('dynamicRegistrationThreshold', 100),
} as const;

export type WebLimits = FieldValues<typeof webLimitsFields>;

export const sectionDefinitionFields = {
  overrideModeDefault: enumOf('overrideModeDefault', ['Allow', 'Deny'], 'Allow'),
  allowDefinition: enumOf(
    'allowDefinition',
    ['MachineOnly', 'MachineToWebRoot', 'MachineToApplication', 'AppHostOnly', 'Everywhere'],
    'Everywhere',
  ),
  allowLocation: str('allowLocation', 'true'),
} as const;

export type SectionDefinition = FieldValues<typeof sectionDefinitionFields> & {
  /** The full section path, e.g. `system.webServer/security/requestFiltering`. */
  name: string;
};

export function readListenerAdapters(section: XmlElement | undefined): ListenerAdapter[] {
  const adapters: ListenerAdapter[] = [];
  for (const element of section === undefined ? [] : childElements(section)) {
    if (element.name === 'clear') adapters.length = 0;
    if (element.name !== 'add') continue;
    adapters.push({
      name: getAttribute(element, 'name') ?? '',
      identity: getAttribute(element, 'identity') ?? '',
      protocolManagerDll: getAttribute(element, 'protocolManagerDll') ?? '',
    });
  }
  return adapters;
}

export function readWebLimits(element: XmlElement | undefined, sink: DiagnosticSink | undefined): WebLimits {
  return readFields(webLimitsFields, element, sink);
}

/** Reads <configSections> into a map from section path to its definition. */
export function readConfigSections(
  element: XmlElement | undefined,
  sink: DiagnosticSink | undefined,
): Map<string, SectionDefinition> {
  const sections = new Map<string, SectionDefinition>();
  const walk = (group: XmlElement, prefix: string): void => {
    for (const child of childElements(group)) {
      const name = getAttribute(child, 'name') ?? '';
      if (child.name === 'sectionGroup') walk(child, prefix + name + '/');
      else if (child.name === 'section') {
        sections.set(prefix + name, { name: prefix + name, ...readFields(sectionDefinitionFields, child, sink) });
      }
    }
  };
  if (element !== undefined) walk(element, '');
  return sections;
}
