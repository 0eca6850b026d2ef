// The journey of a new app from the react template (TSX, the automatic JSX runtime).
import { describeJourney } from './support/describeJourney';

describeJourney('react', { route: '/api/hello', selector: '.answer' });
