import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The global styles first, so that each feature's own rules win ties against them.
import "./styles.css";
import { App } from "./app/App";
import { OfflineNotice } from "./pwa/OfflineNotice";
import { registerServiceWorker } from "./pwa/register";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <OfflineNotice />
    <App />
  </StrictMode>,
);
registerServiceWorker();
