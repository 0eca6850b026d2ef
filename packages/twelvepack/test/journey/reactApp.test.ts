// The journey of a new app from the react template (TSX, the automatic JSX runtime).
import { describeJourney } from './support/describeJourney';

// Its header's logo is an imported SVG, sized by App.module.css (a CSS module's default import).
describeJourney('react', { route: '/api/hello', selector: '.answer', image: { selector: 'header img', width: '48px' } });
