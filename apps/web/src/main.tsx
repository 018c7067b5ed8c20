import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import '@ministryofjustice/frontend/moj/moj-frontend.min.css';
import './styles.css';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to render the dashboard into');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
