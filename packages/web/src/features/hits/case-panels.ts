import { registerCasePanel } from '../cases/case-page-slots.ts';
import { CaseHitsPanel } from './CaseHitsPanel.tsx';

registerCasePanel({
  id: 'hits-case',
  slot: 'hits',
  labelKey: 'hits:panel',
  permission: 'entities.read',
  component: CaseHitsPanel,
});
