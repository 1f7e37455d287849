// The few chrome.* calls the E2E tests make inside the browser (evaluated there, type-checked here).
declare namespace chrome {
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
    const onMessage: { addListener(listener: (message: unknown) => unknown): void };
  }
  namespace action {
    function openPopup(): Promise<void>;
  }
  namespace tabs {
    function query(q: object): Promise<{ id?: number; url?: string }[]>;
  }
  namespace scripting {
    function getRegisteredContentScripts(): Promise<{ id: string; js?: string[]; matches?: string[]; runAt?: string }[]>;
  }
  namespace permissions {
    function remove(p: { origins: string[] }): Promise<boolean>;
  }
  namespace storage {
    const session: {
      clear(): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  }
}
