import { useEffect } from 'react';
import { formatSpeed, speedFromSlider } from '../../store/index.ts';
import { playbackKeyAction } from '../a11y/playbackKeys.ts';
import { usePlaybackIndex, useSimulation, useStores } from '../hooks/stores.ts';

/** Play, pause, step one engine event either way, speed, the timeline, follow. Space and arrows too. */
export function PlaybackBar() {
  const { simulation } = useStores();
  const playing = useSimulation((s) => s.playing);
  const speed = useSimulation((s) => s.speed);
  // The position and the current event twenty times a second while playing, not every frame.
  const index = usePlaybackIndex(50);
  const timeline = useSimulation((s) => s.timeline);
  const count = timeline.events.length;
  const end = timeline.end;
  const position = timeline.at[index] ?? 0;
  const follow = useSimulation((s) => s.follow);
  const current = timeline.events[index];

  useEffect(() => {
    // Only when no focused control keeps the key for itself: a focused button's Space presses it.
    const onKey = (event: KeyboardEvent): void => {
      const action = playbackKeyAction(event);
      if (action === undefined) return;
      event.preventDefault();
      const state = simulation.getState();
      if (action === 'toggle') {
        if (state.playing) state.pause();
        else state.play();
      } else state.step(action === 'forward' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); };
  }, [simulation]);

  const sliderValue = Math.log10(speed) + 1;
  return (
    <section className="playback" aria-label="Playback">
      {playing ? (
        <button type="button" onClick={() => { simulation.getState().pause(); }}>
          Pause
        </button>
      ) : (
        <button type="button" onClick={() => { simulation.getState().play(); }} disabled={count === 0}>
          Play
        </button>
      )}
      <button type="button" onClick={() => { simulation.getState().step(-1); }} disabled={index <= 0}>
        Step back
      </button>
      <button type="button" onClick={() => { simulation.getState().step(1); }} disabled={index >= count - 1}>
        Step forward
      </button>
      <label className="speed">
        Speed
        <input type="range" min={0} max={4} step={0.25} value={sliderValue} onChange={(e) => { simulation.getState().setSpeed(speedFromSlider(Number(e.target.value))); }} aria-valuetext={formatSpeed(speed)} />
        <span className="speed-value">{formatSpeed(speed)}</span>
      </label>
      <label className="timeline">
        Timeline
        <input type="range" min={0} max={Math.max(1, end)} step="any" value={position} onChange={(e) => { simulation.getState().seek(Number(e.target.value)); }} aria-valuetext={`event ${String(index + 1)} of ${String(count)}`} />
      </label>
      <label className="follow">
        <input type="checkbox" checked={follow} onChange={(e) => { simulation.getState().setFollow(e.target.checked); }} />
        Follow this request
      </label>
      {/* Announced when stepping or paused; while playing it changes too often to be read aloud. */}
      <span className="position" aria-live={playing ? 'off' : 'polite'}>
        <span className="position-text">
        {count === 0 ? 'No events yet: send a request.' : `Event ${String(index + 1)} of ${String(count)}${current === undefined ? '' : ` · ${current.t.toFixed(2)} ms · ${current.component} ${current.event}${current.module === undefined ? '' : ` ${current.module}`}`}`}
        </span>
      </span>
    </section>
  );
}
