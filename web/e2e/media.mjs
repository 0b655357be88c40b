// A small song to upload: a WAV file (44.1 kHz, 16-bit stereo) with a bass line and a melody, so
// the server's import decodes, separates and measures something musical, not silence.
export function melodyWav(seconds) {
  const rate = 44_100;
  const frames = Math.round(seconds * rate);
  const buffer = Buffer.alloc(44 + frames * 4);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + frames * 4, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(2, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 4, 28);
  buffer.writeUInt16LE(4, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(frames * 4, 40);
  const melody = [261.63, 293.66, 329.63, 392.0, 440.0, 392.0, 329.63, 293.66];
  for (let frame = 0; frame < frames; frame++) {
    const t = frame / rate;
    const note = melody[Math.floor(t * 2) % melody.length];
    const envelope = Math.min(1, (t * 2) % 1 * 8) * (1 - ((t * 2) % 1) * 0.6);
    const voice = Math.sin(2 * Math.PI * note * t + 0.3 * Math.sin(2 * Math.PI * 5 * t)) * envelope;
    const bass = Math.sin(2 * Math.PI * (note / 4) * t);
    const left = Math.round((0.35 * voice + 0.3 * bass) * 32_767);
    const right = Math.round((0.35 * voice + 0.25 * bass) * 32_767);
    buffer.writeInt16LE(left, 44 + frame * 4);
    buffer.writeInt16LE(right, 46 + frame * 4);
  }
  return buffer;
}

/** `seconds` of a stereo sine as float32 little-endian interleaved PCM (a music share chunk). */
export function sinePcm(seconds, frequency = 440, rate = 44_100) {
  const frames = Math.round(seconds * rate);
  const samples = new Float32Array(frames * 2);
  for (let frame = 0; frame < frames; frame++) {
    const value = 0.3 * Math.sin((2 * Math.PI * frequency * frame) / rate);
    samples[frame * 2] = value;
    samples[frame * 2 + 1] = value;
  }
  return Buffer.from(samples.buffer);
}
