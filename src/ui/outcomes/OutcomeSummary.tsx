/**
 * A load's outcomes, told: how many requests ended with each `status.substatus` and who decided it,
 * counted as their responses reach the client in playback. Each count is a filter for the request
 * list and the event list (a toggle button: pressed while it filters).
 */
import { memo } from 'react';
import type { OutcomeSummary as Summary } from '../../store/outcomes.ts';
import { groupDigits, statusClass } from './format.ts';
import './outcomes.css';

export interface OutcomeSummaryProps {
  summary: Summary;
  /** The status code whose filter is on (`503.0`), if the status field holds exactly one. */
  statusOn: string | undefined;
  deciderOn: string | undefined;
  onStatus: (code: string | undefined) => void;
  onDecider: (key: string | undefined) => void;
}

export const OutcomeSummary = memo(function OutcomeSummary({ summary, statusOn, deciderOn, onStatus, onDecider }: OutcomeSummaryProps) {
  const { told, inFlight, byStatus, byDecider } = summary;
  return (
    <section className="outcomes" aria-label="Outcomes">
      {byStatus.length > 0 && (
        <div className="outcomes-group" role="group" aria-label="By status">
          {byStatus.map((s) => {
            const on = statusOn === s.code;
            return (
              <button
                key={s.code}
                type="button"
                className={`outcome outcome-${statusClass(s.status)}`}
                aria-pressed={on}
                title={`${s.code} ${s.statusText}: ${groupDigits(s.count)} ${s.count === 1 ? 'request' : 'requests'}. ${on ? 'Click to list every request again.' : 'Click to list only these.'}`}
                onClick={() => { onStatus(on ? undefined : s.code); }}
              >
                <span className="outcome-code">{s.code}</span> × {groupDigits(s.count)}
              </button>
            );
          })}
        </div>
      )}
      {byDecider.length > 0 && (
        <div className="outcomes-group" role="group" aria-label="By who decided">
          <span className="outcomes-label" aria-hidden="true">
            decided by
          </span>
          {byDecider.map((d) => {
            const on = deciderOn === d.key;
            return (
              <button
                key={d.key}
                type="button"
                className="outcome outcome-decider"
                aria-pressed={on}
                title={`${d.detail} ${on ? 'Click to list every request again.' : 'Click to list only these.'}`}
                onClick={() => { onDecider(on ? undefined : d.key); }}
              >
                {d.label} × {groupDigits(d.count)}
              </button>
            );
          })}
        </div>
      )}
      {inFlight > 0 && (
        <span className="outcomes-in-flight">
          {groupDigits(told)} answered · {groupDigits(inFlight)} in flight
        </span>
      )}
    </section>
  );
});
