// Entry of the bundled demo page (src/ui/demo/index.html).
import { runDemoPage } from './demo';

void runDemoPage();
