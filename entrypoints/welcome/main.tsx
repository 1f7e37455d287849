import { render } from 'preact';
import { Welcome } from '@/src/ui/welcome/Welcome';
import '@/src/ui/theme.css';
import '@/src/ui/welcome/welcome.css';
import { applyStoredTheme } from '@/src/ui/theme';

applyStoredTheme();
render(<Welcome />, document.getElementById('app')!);
