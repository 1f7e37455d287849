import { sendEarly } from '@/src/ui/popup/early-request';

// Loaded by popup.html's <head> as a classic script: the popup's question leaves before its modules load.
export default defineUnlistedScript(() => sendEarly(location.search));
