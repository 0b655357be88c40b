// A library song: its stems mixed live (guide vocal, instrumental, loudness) on the page's
// AudioContext, with the song's details for the screen.
import { loadStems, stemUrls } from "../../../lib/audio/loadStems";
import { mixGains } from "../../../lib/audio/mix";
import { StemMixer } from "../../../lib/audio/StemMixer";
import { fetchLibrarySong, type LibrarySong } from "../librarySong";
import { PlaybackBase, type MixRequest, type Playback } from "./Playback";

export interface StartOptions {
  startAt: number;
  paused: boolean;
  mix: MixRequest;
}

export class LibraryPlayback extends PlaybackBase implements Playback {
  readonly kind = "library" as const;
  readonly element = null;
  readonly reportsProgress = true;
  song: LibrarySong | null = null;
  /** The song has no stems: the original plays and the guide-vocal level cannot apply. */
  usingOriginal = false;
  /** There is a vocal stem for the guide-vocal level to act on. */
  hasVocals = true;
  private mixer: StemMixer | null = null;
  private readonly abort = new AbortController();
  private wantPlaying: boolean;
  private position: number;
  private mix: MixRequest;

  constructor(private readonly context: AudioContext, readonly songId: string, options: StartOptions) {
    super();
    this.wantPlaying = !options.paused;
    this.position = options.startAt;
    this.mix = options.mix;
    this.load().catch((error: unknown) => this.fail(error));
  }

  private async load(): Promise<void> {
    const signal = this.abort.signal;
    this.update({ loadProgress: { phase: "downloading", fraction: null } });
    const song = await fetchLibrarySong(this.songId, signal);
    this.song = song;
    this.update({});
    const tracks = await loadStems(this.context, stemUrls(song.id, song), signal, (loadProgress) => this.update({ loadProgress }));
    if (this.disposed) return;
    this.usingOriginal = tracks.usingOriginal;
    this.hasVocals = tracks.vocals !== null;
    const mixer = new StemMixer(this.context, tracks, this.gains());
    mixer.onEnded = () => this.update({ status: "ended" });
    this.mixer = mixer;
    mixer.seek(this.position);
    if (this.wantPlaying) mixer.play();
    this.update({ status: this.wantPlaying ? "playing" : "paused", loadProgress: null });
  }

  duration(): number {
    return this.mixer?.duration ?? (this.song?.durationMs ? this.song.durationMs / 1000 : 0);
  }

  currentTime(): number {
    return this.mixer ? this.mixer.position : this.position;
  }

  heardTime(): number {
    return this.mixer ? this.mixer.heardPosition : this.position;
  }

  play(): void {
    this.wantPlaying = true;
    if (!this.mixer || this.status === "error") return;
    this.mixer.play();
    this.update({ status: "playing" });
  }

  pause(): void {
    this.wantPlaying = false;
    if (!this.mixer || this.status === "error") return;
    this.mixer.pause();
    this.update({ status: "paused" });
  }

  seek(seconds: number): void {
    this.position = Math.max(0, seconds);
    if (!this.mixer) return;
    this.mixer.seek(this.position);
    if (this.status === "ended") this.update({ status: "paused" });
  }

  setMix(mix: MixRequest): void {
    this.mix = mix;
    this.mixer?.apply(this.gains());
  }

  appliedLevels(): { vocal: number | null; volume: number } {
    if (!this.mixer) return { vocal: null, volume: this.mix.volume };
    return { vocal: this.mixer.vocalLevelNow, volume: this.mixer.volumeNow };
  }

  dispose(): void {
    this.abort.abort();
    this.mixer?.dispose();
    this.mixer = null;
    super.dispose();
  }

  private gains() {
    return mixGains({
      vocal: this.mix.vocal,
      instrumental: this.mix.instrumental,
      volume: this.mix.volume,
      loudnessLufs: this.song?.loudnessLufs ?? null,
      hasVocalStem: this.hasVocals,
    });
  }
}
