/**
 * The demo app: the reference executor runs in this page behind an MSW service worker (real time, sped up),
 * and the library's hooks and components talk to it over the documented run API, as they would to a backend.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startBrowserMock } from '../mock-server/browser';
import { App } from './App';
import '../src/styles/styles.css';
import './demo.css';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'demo';
const speed = Number(params.get('speed') ?? 4) || 4;

const root = createRoot(document.getElementById('root')!);
startBrowserMock({ scenario, speed, baseUrl: location.origin })
  .then((mock) => {
    root.render(
      <StrictMode>
        <App client={{ baseUrl: location.origin }} scenario={scenario} speed={speed} executor={mock.executor} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(
      <p role="alert" className="demo-fatal">
        The reference executor could not start in this browser: {String(error)}. Service workers need
        http://localhost or https.
      </p>,
    );
  });
