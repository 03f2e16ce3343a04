/** The in-memory related index now lives with the adapters (the archive import ranks with it too). */
export { createMemoryRelatedIndex } from '../../shared/adapters/memory-related-index';
