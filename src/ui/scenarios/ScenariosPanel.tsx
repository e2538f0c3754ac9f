/**
 * The Learn tab: the guided scenarios, each run step by step (Back and Next, playback pausing at the
 * step's event), then three Predict questions. Progress is kept in the browser.
 */
import { useEffect, useRef, useState } from 'react';
import { choicesOf, type Scenario } from '../../scenarios/index.ts';
import { useScenarioStore, useScenarios } from './useScenarios.ts';
import './scenarios.css';

function ScenarioList() {
  const store = useScenarioStore();
  const scenarios = useScenarios((s) => s.scenarios);
  const progress = useScenarios((s) => s.progress);
  const completed = scenarios.filter((s) => progress[s.id]?.completed === true).length;
  return (
    <>
      <p className="scenarios-intro">
        Each scenario loads its own server (Undo brings yours back), plays requests and changes, and stops where something happens. {completed} of {scenarios.length} completed.
      </p>
      <ol className="scenario-list">
        {scenarios.map((scenario) => {
          const done = progress[scenario.id];
          return (
            <li key={scenario.id}>
              <button type="button" className="scenario-open" onClick={() => { void store.getState().start(scenario.id); }}>
                {scenario.title}
              </button>
              <span className="scenario-summary">{scenario.summary}</span>
              {done?.completed === true ? <span className="scenario-progress">Completed · Predict {done.bestScore} of 3</span> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** Smooth unless the person asked for reduced motion. */
function scrollBehavior(): ScrollBehavior {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

function StepView({ scenario }: { scenario: Scenario }) {
  const store = useScenarioStore();
  const index = useScenarios((s) => s.step);
  const busy = useScenarios((s) => s.busy);
  const step = scenario.steps[index];
  const buttons = useRef<HTMLDivElement>(null);
  // A long step's Back and Next can fall below the side panel's fold at 1280x720: keep them in view.
  useEffect(() => {
    buttons.current?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [index]);
  if (step === undefined) return null;
  const last = index === scenario.steps.length - 1;
  return (
    <div className="scenario-step">
      <p className="scenario-counter" aria-live="polite">
        Step {index + 1} of {scenario.steps.length}
      </p>
      <h4>{step.title}</h4>
      <p>{step.text}</p>
      {step.pauseAt === undefined ? null : (
        <p className="scenario-event">
          Paused at <code>{step.pauseAt.event}</code>
        </p>
      )}
      <div ref={buttons} className="scenario-buttons">
        <button type="button" disabled={busy || index === 0} onClick={() => { store.getState().back(); }}>
          Back
        </button>
        <button type="button" disabled={busy} onClick={() => { void store.getState().next(); }} title={last ? 'On to the Predict questions' : undefined}>
          Next
        </button>
      </div>
    </div>
  );
}

function Choices({ legend, name, options, value, onChange, disabled }: { legend: string; name: string; options: readonly string[]; value: string; onChange: (v: string) => void; disabled: boolean }) {
  return (
    <fieldset className="predict-choices" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => { onChange(option); }} />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

function QuestionView({ scenario }: { scenario: Scenario }) {
  const store = useScenarioStore();
  const index = useScenarios((s) => s.question);
  const answer = useScenarios((s) => s.answer);
  const busy = useScenarios((s) => s.busy);
  const question = scenario.questions[index];
  const [status, setStatus] = useState('');
  const [decider, setDecider] = useState('');
  const verdict = useRef<HTMLDivElement>(null);
  const revealed = answer?.revealed === true;
  // At 1280x720 the verdict lands below the side panel's fold: bring it into view once, when it appears.
  useEffect(() => {
    if (revealed) verdict.current?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [revealed, index]);
  if (question === undefined) return null;
  const locked = answer !== undefined || busy;
  const last = index === scenario.questions.length - 1;
  return (
    <div className="scenario-step">
      <p className="scenario-counter" aria-live="polite">
        Predict {index + 1} of {scenario.questions.length}
      </p>
      <h4>{question.prompt}</h4>
      <div className="predict-grid">
        <Choices legend="Status" name={`status-${String(index)}`} options={choicesOf(question).statuses} value={status} onChange={setStatus} disabled={locked} />
        <Choices legend="Decided by" name={`decider-${String(index)}`} options={choicesOf(question).deciders} value={decider} onChange={setDecider} disabled={locked} />
      </div>
      {answer === undefined ? (
        <div className="scenario-buttons">
          {index === 0 ? (
            <button type="button" disabled={busy} onClick={() => { store.getState().back(); }}>
              Back
            </button>
          ) : null}
          <button type="button" disabled={busy || status === '' || decider === ''} onClick={() => { void store.getState().predict(status, decider); }}>
            Play and check
          </button>
        </div>
      ) : !answer.revealed ? (
        <div className="scenario-buttons">
          <p className="hint">Playing the request…</p>
          <button type="button" onClick={() => { store.getState().reveal(); }}>
            Skip to the answer
          </button>
        </div>
      ) : (
        <div ref={verdict} className={answer.right ? 'predict-verdict right' : 'predict-verdict wrong'} role="status">
          <p className="predict-headline">{answer.right ? 'Right.' : 'Not quite.'}</p>
          <p>
            You said {answer.chosen.status} by {answer.chosen.decidedBy}; the engine gave <strong>{answer.actual.status}</strong> by <strong>{answer.actual.decidedBy}</strong>.
          </p>
          <p>{question.why}</p>
          <p className="hint">{answer.actual.reason}</p>
          <div className="scenario-buttons">
            <button
              type="button"
              onClick={() => {
                setStatus('');
                setDecider('');
                store.getState().nextQuestion();
              }}
            >
              {last ? 'Finish' : 'Next question'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export function ScenariosPanel() {
  const store = useScenarioStore();
  const activeId = useScenarios((s) => s.activeId);
  const scenarios = useScenarios((s) => s.scenarios);
  const phase = useScenarios((s) => s.phase);
  const error = useScenarios((s) => s.error);
  const score = useScenarios((s) => s.score);
  const scenario = scenarios.find((s) => s.id === activeId);
  return (
    <section className="scenarios" aria-label="Scenarios">
      <h3 className="scenarios-title">{scenario === undefined ? 'Scenarios' : scenario.title}</h3>
      {scenario === undefined || phase === 'idle' ? (
        <ScenarioList />
      ) : (
        <>
          <button type="button" className="scenario-leave" onClick={() => { store.getState().leave(); }}>
            All scenarios
          </button>
          {phase === 'preparing' ? <p className="hint">Loading the scenario's server…</p> : null}
          {phase === 'step' ? <StepView scenario={scenario} /> : null}
          {phase === 'question' ? <QuestionView key={scenario.id} scenario={scenario} /> : null}
          {phase === 'finished' ? (
            <div className="scenario-step" role="status">
              <p className="predict-headline">Scenario complete: {score} of 3 predicted right.</p>
            </div>
          ) : null}
        </>
      )}
      {error === undefined ? null : (
        <p className="scenario-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
