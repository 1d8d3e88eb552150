/** Facts about the notMNIST_small dataset that the reader relies on. */

/** The ten class folders, in label order: A → 0, …, J → 9. */
export const NOTMNIST_CLASSES: readonly string[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

export const NOTMNIST_HEIGHT = 28;
export const NOTMNIST_WIDTH = 28;

/** Where the course downloads the archive from. */
export const NOTMNIST_URL = 'http://yaroslavvb.com/upload/notMNIST/notMNIST_small.tar.gz';

/** The folder inside the archive (and inside an extracted copy) that holds A/ … J/. */
export const NOTMNIST_ROOT_FOLDER = 'notMNIST_small';

/** Environment variable naming the archive when no option is given. */
export const ARCHIVE_ENV = 'NOTMNIST_ARCHIVE';

/** Environment variable naming the cache directory (before $XDG_CACHE_HOME/dlcourse, ~/.cache/dlcourse). */
export const CACHE_DIR_ENV = 'DLCOURSE_CACHE_DIR';
