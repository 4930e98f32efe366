import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';

/** Every command path the program offers, e.g. `users add`, depth first in help order. */
function commandPaths(cmd: Command, prefix = ''): string[] {
  return cmd.commands.flatMap((c) => {
    const name = `${prefix}${c.name()}`;
    return [name, ...commandPaths(c, `${name} `)];
  });
}

// issue 20 item 5: the program is built from one file per command, and importing the entry
// runs nothing (importing main.ts above would otherwise have parsed vitest's own arguments)
describe('the oversight program', () => {
  it('registers every command, in the order the help lists them', () => {
    expect(commandPaths(buildProgram())).toEqual([
      'serve',
      'migrate',
      'users',
      'users add',
      'users totp',
      'users revoke-sessions',
      'tokens',
      'tokens create',
      'tokens list',
      'tokens revoke',
      'report',
      'report quarterly',
      'report annual',
      'audit',
      'audit verify',
      'audit checkpoint',
      'demo',
      'import',
      'import chicago',
      'import inspect',
      'members',
      'members network',
      'stats',
      'keys',
      'keys status',
      'keys rotate',
      'keys prune',
      'subject-access',
      'retention',
      'retention run',
      'retention hold',
      'redact',
      'eis',
      'eis backtest',
      'eis run',
      'backup',
      'restore',
    ]);
  });

  it('gives every command that has no subcommands an action and a description', () => {
    const leaves = (cmd: Command): Command[] =>
      cmd.commands.flatMap((c) => (c.commands.length > 0 ? leaves(c) : [c]));
    for (const c of leaves(buildProgram())) {
      // commander keeps the action handler private; a command without one prints help and exits
      expect((c as unknown as { _actionHandler: unknown })._actionHandler, c.name()).toBeTypeOf(
        'function',
      );
      expect(c.description(), c.name()).not.toBe('');
    }
  });

  it('registers each file of commands/ (no command file is left out of the program)', () => {
    const dir = path.join(import.meta.dirname, 'commands');
    const main = fs.readFileSync(path.join(import.meta.dirname, 'main.ts'), 'utf8');
    for (const file of fs.readdirSync(dir).filter((f) => !f.endsWith('.test.ts'))) {
      expect(main, file).toContain(`from './commands/${file}'`);
    }
  });
});
