/** Options of {@link loadNotMNIST}. Give exactly one of `archive` and `folder` (or neither, to use $NOTMNIST_ARCHIVE). */
export interface LoadNotMNISTOptions {
  /** Path to notMNIST_small.tar.gz (the course download). Read in memory; nothing is extracted to disk. */
  archive?: string;
  /** An extracted copy: a folder holding A/ … J/ PNG folders, or the folder holding notMNIST_small/. */
  folder?: string;
  /** Where the packed cache lives. Default: $DLCOURSE_CACHE_DIR, else $XDG_CACHE_HOME/dlcourse, else ~/.cache/dlcourse. */
  cacheDir?: string;
  /** Read and write the packed cache (default true). With false nothing is read from or written to the cache. */
  useCache?: boolean;
  /** Receives warnings (skipped files, an invalid or unwritable cache). Default: console.warn. */
  onWarning?: (message: string) => void;
  /** How many PNG decodes are in flight at once (default 16; sharp runs them on libuv's thread pool). */
  concurrency?: number;
}

/** The decoded dataset: plain typed arrays, no Tensor. */
export interface NotMNISTDataset {
  /** n × height × width grey values in [0, 1] (pixel / 255), image after image, row-major. */
  images: Float32Array;
  /** n class indices, 0 … 9 for A … J. */
  labels: Int32Array;
  /** Class names in label order: ['A', …, 'J']. */
  classes: string[];
  n: number;
  height: number;
  width: number;
  /** n relative paths ('A/xxx.png'), in the order of `images`: sorted by class, then file name. */
  files: string[];
  /** Relative paths of the files that could not be used (e.g. the two 0-byte PNGs of notMNIST_small). */
  skipped: string[];
  /** True when the images came from the packed cache rather than from decoding PNGs. */
  fromCache: boolean;
  /** The packed cache file used or written; null when the cache was off or could not be written. */
  cacheFile: string | null;
}

/** One PNG of the dataset before decoding. */
export interface RawImageFile {
  /** 'A/xxx.png' */
  file: string;
  label: number;
  bytes: Uint8Array;
}

/** A file that was left out, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The dataset as it is decoded and cached: 8-bit pixels, as in the PNGs. */
export interface PackedImages {
  n: number;
  height: number;
  width: number;
  classes: string[];
  files: string[];
  /** n labels. */
  labels: Uint8Array;
  /** n × height × width bytes. */
  pixels: Uint8Array;
  skipped: SkippedFile[];
}
