// Telephone quality, as Twilio records calls: 8 kHz, mono, 16-bit linear PCM.
const SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;

/**
 * A WAV file of `seconds` of silence. The simulator has no real audio (callers type what they say), so this is what
 * its recordings sound like: the right length for a player's timeline, and nothing to hear.
 */
export function silentWav(seconds: number): Buffer {
  const dataBytes = Math.max(0, Math.round(seconds * SAMPLE_RATE)) * BYTES_PER_SAMPLE;
  // Buffer.alloc zero-fills, and zero is silence in signed 16-bit PCM.
  const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // size of the fmt chunk for PCM
  wav.writeUInt16LE(1, 20); // format: PCM
  wav.writeUInt16LE(1, 22); // channels
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28); // bytes per second
  wav.writeUInt16LE(BYTES_PER_SAMPLE, 32); // bytes per frame
  wav.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  return wav;
}
