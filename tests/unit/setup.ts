// Dexie needs an IndexedDB; under Node that is fake-indexeddb (the real one runs in the E2E suite).
import 'fake-indexeddb/auto';
