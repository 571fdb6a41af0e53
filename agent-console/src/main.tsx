import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { queryClient } from './data/queryClient';
import { detectBrowserLocale } from './i18n/locales';
import { setupI18n } from './i18n/setupI18n';
import './styles.css';

setupI18n(detectBrowserLocale(navigator));

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
