import { describe, expect, test } from 'vitest';
import { streamText } from './stream-text';

const read = async (stream: ReadableStream<Uint8Array>) => {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
};

describe('streamText', () => {
  test('writes the chunks in order, each only when the reader asks for it', async () => {
    const made: string[] = [];
    async function* chunks() {
      for (const chunk of ['a', 'bé', 'c']) {
        made.push(chunk);
        yield chunk;
      }
    }
    const stream = streamText(chunks(), () => {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toEqual([]);
    expect(await read(stream)).toBe('abéc');
    expect(made).toEqual(['a', 'bé', 'c']);
  });

  test('a failure part-way errors the stream (never a clean end) and is reported', async () => {
    const failure = new Error('the database went away');
    const reported: unknown[] = [];
    async function* chunks() {
      yield 'header\r\n';
      throw failure;
    }
    const stream = streamText(chunks(), (error) => reported.push(error));
    await expect(read(stream)).rejects.toBe(failure);
    expect(reported).toEqual([failure]);
  });

  test('a reader that goes away stops the chunks', async () => {
    let finished = false;
    async function* chunks() {
      try {
        for (let i = 0; ; i++) yield String(i);
      } finally {
        finished = true;
      }
    }
    const stream = streamText(chunks(), () => {});
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
