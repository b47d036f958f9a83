/**
 * Renderer entry: mounts the app on the bridge the page has (Electron preload or web server).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { getBridge } from './bridge/get-bridge';
import './styles/base.css';
import './styles/layout.css';
import './styles/devices.css';
import './styles/install.css';
import './styles/lab.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root bridge={getBridge()} />
  </StrictMode>,
);
