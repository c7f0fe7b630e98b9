// Runs the root dialog for one turn: the classic DialogSet loop that runDialog also performs for a
// bot that is not a skill (continue the active dialog), except that a message with no dialog waiting
// is routed by MainDialog.routeWithoutDialog, which creates a dialog context only if a child starts.
//
// Why not runDialog: it builds a DialogStateManager with every memory scope of the declarative
// runtime (user, conversation, settings, dialogClass ...) and loads and saves all of them each turn,
// and every DialogContext (one per ComponentDialog level) rebuilds that scope list through
// ComponentRegistration unless the turn already carries a configuration. This bot keeps its state in
// two state property accessors and uses no memory-scope paths, so the turn gets a configuration
// with the scopes the SDK itself reads and writes: turn.* (activity, locale, lastResult, stepCount)
// and dialog.* (its change tracker looks there on every write).
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState, DialogStateManagerConfiguration, DialogTurnResult } from 'botbuilder-dialogs';
import { DialogMemoryScope, DialogSet, TurnMemoryScope } from '../bot/sdk/dialogs';
import type { MainDialog } from './mainDialog';

/** The key DialogStateManager looks up in turnState (botbuilder-dialogs/lib/memory/dialogStateManager.js). */
export const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class DialogRunner {
  private readonly dialogs: DialogSet;
  private readonly configuration: DialogStateManagerConfiguration = { memoryScopes: [new TurnMemoryScope(), new DialogMemoryScope()], pathResolvers: [] };

  constructor(private readonly root: MainDialog, private readonly accessor: StatePropertyAccessor<DialogState>) {
    this.dialogs = new DialogSet(accessor);
    this.dialogs.add(root);
  }

  async run(ctx: TurnContext): Promise<DialogTurnResult> {
    ctx.turnState.set(CONFIGURATION_KEY, this.configuration);
    const state = await this.accessor.get(ctx, { dialogStack: [] });
    // Nothing waiting: route without building dialog contexts (most messages are answered at once);
    // a child that has to ask starts through the root dialog as usual.
    if (!state.dialogStack?.length) {
      return this.root.routeWithoutDialog(ctx, async (start) => (await this.dialogs.createContext(ctx)).beginDialog(this.root.id, start));
    }
    return (await this.dialogs.createContext(ctx)).continueDialog();
  }
}
