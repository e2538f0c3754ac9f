/**
 * The edit of IIS Manager's Add Website dialog: the site with its root application, virtual directory
 * and binding, a new pool named after the site when asked (IIS Manager's default), and
 * serverAutoStart="false" when "Start site immediately" is cleared. Pure: no React.
 */
import { addApplicationPool, addSite, setSiteAttributes, type ApplicationHostConfig, type ConfigEdit } from '../../config/index.ts';
import { bindingInformationOf, type BindingDraft } from './bindingDraft.ts';

/** The pool select's value for "a new pool named after the site". */
export const NEW_POOL = '';

/** The whole Add site edit, or why it cannot be made (the first problem: name, pool, binding, physical path). */
export function addSiteEdit(model: ApplicationHostConfig, name: string, pool: string, physicalPath: string, binding: BindingDraft, start: boolean): ConfigEdit | string {
  const edits: ConfigEdit[] = [];
  const siteName = name.trim();
  const poolName = pool === NEW_POOL ? siteName : pool;
  if (pool === NEW_POOL && siteName !== '') {
    const poolEdit = addApplicationPool(model, poolName);
    if (typeof poolEdit === 'string') return poolEdit;
    edits.push(poolEdit);
  }
  const site = addSite(model, { name: siteName, physicalPath: physicalPath.trim(), protocol: binding.protocol, bindingInformation: bindingInformationOf(binding), applicationPool: poolName });
  if (typeof site === 'string') return site;
  edits.push(site);
  if (!start) edits.push(setSiteAttributes(siteName, { serverAutoStart: 'false' }));
  return { op: 'batch', edits };
}
