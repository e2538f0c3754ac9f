/**
 * One feature (Authentication, Request Filtering, Modules...) as a disclosure: its name, whether it is
 * locked where it would be written, and, only while it is open, its form: each section's attributes and
 * collections, with where each is written.
 */
import { memo } from 'react';
import { useState } from 'react';
import { describeFile, locationPath, revertSetting, settingTarget, type SectionLock } from '../../config/index.ts';
import type { FeatureGroup, SectionForm } from './featureGroups.ts';
import { EntryList } from './EntryList.tsx';
import { FieldRow } from './FieldRow.tsx';
import { useSettings } from './settingsModel.ts';

function lockText(lock: SectionLock): string | undefined {
  if (lock.state === 'locked') return `Locked: ${lock.reason}`;
  if (lock.state === 'ignored') return lock.reason;
  return undefined;
}

/** "applicationHost.config <location path='Default Web Site/private'>", or a web.config's path. */
function whereText(webConfig: string | undefined, location: string | undefined): string {
  if (webConfig !== undefined) return webConfig;
  return location === undefined ? 'applicationHost.config' : `applicationHost.config <location path='${location}'>`;
}

function SectionView({ form, groupTitle }: { form: SectionForm; groupTitle: string }) {
  const model = useSettings();
  const placement = model.placementOf(form.section);
  const target = settingTarget(model.model, model.level, placement, form.section);
  const where = typeof target === 'string' ? target : whereText(target.file.kind === 'applicationHost' ? undefined : describeFile(target.file), target.sectionPath.startsWith('location') ? (locationPath(model.level) ?? '') : undefined);
  const lock = model.lockOf(form.section);
  const warning = lockText(lock);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const revert = (): void => {
    const edit = revertSetting(model.currentWorkspace(), model.model, model.level, placement, form.section);
    setProblem(model.run(edit, `Revert ${form.section.split('/').at(-1) ?? form.section} to parent at ${model.levelName}`, undefined));
  };
  return (
    <section className="setting-section" aria-label={form.title ?? groupTitle}>
      {form.title === undefined ? null : <h4>{form.title}</h4>}
      <p className="setting-where">Written to {where}</p>
      {warning === undefined ? null : <p className={lock.state === 'locked' ? 'setting-warning' : 'setting-hint'}>{warning}</p>}
      {form.note === undefined ? null : <p className="setting-hint">{form.note}</p>}
      {model.level.site === undefined ? null : (
        <button type="button" className="entry-add" onClick={revert} disabled={!model.isSetHere(form.section)} title="Remove what this level sets for the section there, so it inherits again">Revert to parent</button>
      )}
      {problem === undefined ? null : <p className="setting-problem" role="alert">{problem}</p>}
      {form.attributes.map((a) => <FieldRow key={`${a.sub}@${a.attribute}`} section={form.section} form={a} />)}
      {form.collections.map((c) => <EntryList key={`${c.sub}/${c.addName}`} section={form.section} form={c} />)}
    </section>
  );
}

interface Props {
  group: FeatureGroup;
  open: boolean;
  onToggle: (open: boolean) => void;
}

export const FeatureGroupView = memo(function FeatureGroupView({ group, open, onToggle }: Props) {
  const model = useSettings();
  const locked = group.sections.some((s) => model.lockOf(s.section).state === 'locked');
  return (
    <details className="feature-group" open={open} onToggle={(e) => { if (e.currentTarget.open !== open) onToggle(e.currentTarget.open); }}>
      <summary>
        <span>{group.title}</span>
        {locked ? <span className="setting-locked">Locked</span> : null}
      </summary>
      {open ? group.sections.map((s) => <SectionView key={s.section} form={s} groupTitle={group.title} />) : null}
    </details>
  );
});
