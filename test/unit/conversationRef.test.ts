// Logs follow a conversation by a short hash of channel and conversation id, never by the ids.
import type { TurnContext } from 'botbuilder';
import { conversationRef } from '../../bot/careBot';

const ctx = (channelId: string, id: string) => ({ activity: { channelId, conversation: { id } } }) as unknown as TurnContext;

test('the same conversation always gets the same 12-character hash, without its id in it', () => {
  const a = conversationRef(ctx('webchat', 'conv-4711'));
  expect(a).toMatch(/^[0-9a-f]{12}$/);
  expect(conversationRef(ctx('webchat', 'conv-4711'))).toBe(a);
  expect(a).not.toContain('4711');
});

test('other conversations and other channels get other hashes', () => {
  const refs = new Set<string>();
  for (let i = 0; i < 500; i++) refs.add(conversationRef(ctx('webchat', `c${i}`)));
  refs.add(conversationRef(ctx('telegram', 'c1')));
  expect(refs.size).toBe(501);
});
