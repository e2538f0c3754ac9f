/**
 * Commands between the page and the engine's worker, without copying the workspace content again when
 * it is the one posted before (WireCommand in engineProtocol.ts): each side keeps the last content.
 */
import type { Workspace } from '../config/index.ts';
import type { EngineCommand, WireCommand } from './engineProtocol.ts';

/** The page's side: the command to post. */
export function createCommandSender(): (command: EngineCommand) => WireCommand {
  let posted: Workspace['content'] | undefined;
  return (command) => {
    if (command.type !== 'load' && command.type !== 'apply') return command;
    const { content, ...rest } = command.workspace;
    if (content !== posted) {
      posted = content;
      return command;
    }
    return { ...command, workspace: rest, sameContent: true };
  };
}

/** The worker's side: the command as the engine takes it, with the content put back. */
export function createCommandReceiver(): (command: WireCommand) => EngineCommand {
  let content: Workspace['content'] = {};
  return (command) => {
    if (!('sameContent' in command)) {
      if (command.type === 'load' || command.type === 'apply') content = command.workspace.content;
      return command;
    }
    const workspace = { ...command.workspace, content };
    return command.type === 'load' ? { type: 'load', workspace, seed: command.seed ?? 1, withModel: command.withModel === true } : { type: 'apply', workspace };
  };
}
