/**
 * MLLP, the framing HL7 v2 travels in over TCP: each message is sent as
 * 0x0B, the message, 0x1C 0x0D. Written by hand: it is these few lines.
 */
const START = 0x0b;
const END = 0x1c;
const CR = 0x0d;

export function mllpFrame(text: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(text, 'utf8'), Buffer.from([END, CR])]);
}

export type MllpPiece = { message: string } | { tooLarge: number };

/**
 * Reads frames from a TCP stream's chunks. Bytes outside a frame are skipped
 * (the protocol's own recovery); a frame longer than `maxBytes` is reported
 * once and its bytes dropped up to its end, so one huge message cannot take
 * the heap.
 */
export class MllpReader {
  private parts: Buffer[] = [];
  private size = 0;
  private inFrame = false;
  private overflow = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): MllpPiece[] {
    const out: MllpPiece[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (!this.inFrame) {
        const s = chunk.indexOf(START, i);
        if (s < 0) return out;
        this.inFrame = true;
        i = s + 1;
        continue;
      }
      const e = chunk.indexOf(END, i);
      const stop = e < 0 ? chunk.length : e;
      this.take(chunk.subarray(i, stop));
      if (e < 0) return out;
      // END must be followed by CR; a lone END inside a frame is a broken frame, read as its end all the same.
      i = e + 1 < chunk.length && chunk[e + 1] === CR ? e + 2 : e + 1;
      out.push(this.overflow > 0 ? { tooLarge: this.overflow } : { message: Buffer.concat(this.parts, this.size).toString('utf8') });
      this.parts = [];
      this.size = 0;
      this.overflow = 0;
      this.inFrame = false;
    }
    return out;
  }

  private take(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.overflow > 0 || this.size + bytes.length > this.maxBytes) {
      this.overflow = (this.overflow || this.size) + bytes.length;
      this.parts = [];
      this.size = 0;
      return;
    }
    this.parts.push(Buffer.from(bytes));
    this.size += bytes.length;
  }
}
