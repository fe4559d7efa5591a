/** Test support: reads Server-Sent Events messages off a byte stream one at a time, as a client would. */
export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  /** Comment lines seen so far (without the leading colon). */
  readonly comments: string[] = [];
  /** `retry:` values seen so far. */
  readonly retries: number[] = [];
  ended = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next message with data, or null once the stream has ended. */
  async next(): Promise<SseMessage | null> {
    for (;;) {
      const boundary = this.buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = this.buffer.slice(0, boundary);
        this.buffer = this.buffer.slice(boundary + 2);
        const message = this.parse(block);
        if (message) return message;
        continue;
      }
      if (this.ended) return null;
      const { done, value } = await this.reader.read();
      if (done) this.ended = true;
      else this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Every remaining message until the stream ends. */
  async rest(): Promise<SseMessage[]> {
    const all: SseMessage[] = [];
    for (let message = await this.next(); message; message = await this.next()) all.push(message);
    return all;
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }

  private parse(block: string): SseMessage | null {
    const message: SseMessage = { id: null, event: null, data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('retry: ')) this.retries.push(Number(line.slice(7)));
    }
    if (data.length === 0) return null;
    message.data = data.join('\n');
    return message;
  }
}
