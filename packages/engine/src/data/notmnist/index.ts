export { loadNotMNIST } from './load-notmnist.js';
export type { LoadNotMNISTOptions, NotMNISTDataset } from './types.js';
export { CorruptArchiveError } from './read-archive.js';
export { NOTMNIST_CLASSES, NOTMNIST_HEIGHT, NOTMNIST_WIDTH, NOTMNIST_URL } from './constants.js';
