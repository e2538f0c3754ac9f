/**
 * Start-up in steps, each a task of its own, so that none blocks the main thread for long (issue 4:
 * never more than 50 ms): evaluating React, then React Flow, then the app's own modules, then parsing
 * the embedded configuration, then rendering (time-sliced, in a transition).
 */
import '@xyflow/react/dist/style.css';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

/** Ends the current task so the browser can paint and handle input. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

await import('react-dom/client');
await nextTask();
await import('@xyflow/react');
await nextTask();
const { boot } = await import('./boot.tsx');
await nextTask();
await boot(container, nextTask);
