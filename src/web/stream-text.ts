/**
 * A response body written chunk by chunk as the client reads it (pulled: the next chunk is made
 * only when the previous one has been taken, so a slow client never makes the server hold a whole
 * file). For Hono's `c.body()`.
 *
 * Not hono/streaming's `stream()`: when its callback throws, it still closes the stream normally,
 * and a failed export would reach the coordinator as a file that looks complete but is cut short.
 * Here a failure errors the stream, so the server breaks the connection and the browser reports a
 * failed download; `onError` is told (the log). A client that goes away stops the chunks.
 */
export const streamText = (
  chunks: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> => {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // Nothing is made ahead of the client's reading.
    { highWaterMark: 0 },
  );
};
