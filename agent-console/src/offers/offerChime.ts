let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Context = window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return null;
  context = new Context();
  return context;
}

/**
 * Browsers keep audio suspended until the user has interacted with the page; calling this from a click or
 * key press unlocks it, so a chime for an offer that arrives later can actually be heard.
 */
export function primeOfferChime(): void {
  try {
    void audioContext()
      ?.resume()
      .catch(() => undefined);
  } catch {
    // No Web Audio: offers still pop, silently.
  }
}

/** Two short rising tones, generated with Web Audio (no audio file). Silent if audio is unavailable or locked. */
export function playOfferChime(): void {
  try {
    const audio = audioContext();
    if (!audio) return;
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.02;
    [660, 990].forEach((frequency, i) => {
      const at = start + i * 0.16;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.14);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.15);
    });
  } catch {
    // Sound is a nicety; never let it break the pop.
  }
}
