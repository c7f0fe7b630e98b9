// Runs the root dialog for one turn: the classic DialogSet loop (continue the active dialog, or
// begin the root one when none is active) that runDialog also performs for a bot that is not a skill.
//
// Why not runDialog: it builds a DialogStateManager with every memory scope of the declarative
// runtime (user, conversation, settings, dialogClass ...) and loads and saves all of them each turn,
// and every DialogContext (one per ComponentDialog level) rebuilds that scope list through
// ComponentRegistration unless the turn already carries a configuration. This bot keeps its state in
// two state property accessors and uses no memory-scope paths, so the turn gets a configuration
// with the scopes the SDK itself reads and writes: turn.* (activity, locale, lastResult, stepCount)
// and dialog.* (its change tracker looks there on every write).
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogMemoryScope, DialogSet, DialogTurnStatus, TurnMemoryScope, type Dialog, type DialogState, type DialogStateManagerConfiguration, type DialogTurnResult } from 'botbuilder-dialogs';

/** The key DialogStateManager looks up in turnState (botbuilder-dialogs/lib/memory/dialogStateManager.js). */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class DialogRunner {
  private readonly dialogs: DialogSet;
  private readonly configuration: DialogStateManagerConfiguration = { memoryScopes: [new TurnMemoryScope(), new DialogMemoryScope()], pathResolvers: [] };

  constructor(private readonly root: Dialog, accessor: StatePropertyAccessor<DialogState>) {
    this.dialogs = new DialogSet(accessor);
    this.dialogs.add(root);
  }

  async run(ctx: TurnContext): Promise<DialogTurnResult> {
    ctx.turnState.set(CONFIGURATION_KEY, this.configuration);
    const dc = await this.dialogs.createContext(ctx);
    const result = await dc.continueDialog();
    return result.status === DialogTurnStatus.empty ? dc.beginDialog(this.root.id) : result;
  }
}
