// Zod's settings before any schema is declared (zod-config.ts says why).
import '@/src/core/zod-config';
import { render } from 'preact';
import { Options } from '@/src/ui/options/Options';
import '@/src/ui/theme.css';
import '@/src/ui/options/options.css';
import { applyStoredTheme } from '@/src/ui/theme';

applyStoredTheme();

render(<Options />, document.getElementById('app')!);
