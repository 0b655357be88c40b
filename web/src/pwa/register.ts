// Registers the service worker that keeps the app shell for offline starts (public/sw.js).
// Browsers only allow service workers on https:// and on localhost: a phone that opens the server at
// http://<LAN address> gets the app without offline starts (navigator.serviceWorker is missing there).
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  const register = () => {
    // updateViaCache "none": a new sw.js is noticed on the next visit whatever the HTTP cache says.
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch((error) => {
      console.warn("Chorus: the service worker could not be registered", error);
    });
  };
  // After the page has loaded, so installing (which fetches the shell) does not compete with it.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
