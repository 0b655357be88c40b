// Registers the service worker that keeps the app shell for offline starts (public/sw.js).
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((error) => {
      console.warn("Chorus: the service worker could not be registered", error);
    });
  });
}
