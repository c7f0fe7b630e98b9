// The botbuilder-dialogs classes the dialogs use, each from its own file. The package's index also
// loads every prompt with the text recognizers of a dozen languages, which this bot never calls:
// ~27 MB of RSS and a few hundred ms of every start (docs/turn-cost-2026-12.md). Types may still come
// from 'botbuilder-dialogs' (erased at build); values come from here (eslint keeps it so).
// No prompt is exported: prompt.js loads the choice recognizers (1.2 MB of number-recognizer source)
// at start, and the bot asks with its own dialogs.
// Every file here requires botbuilder-core's index: the connector's facade goes first (./connector).
import './connector';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { DialogMemoryScope } from 'botbuilder-dialogs/lib/memory/scopes/dialogMemoryScope';
export { TurnMemoryScope } from 'botbuilder-dialogs/lib/memory/scopes/turnMemoryScope';
