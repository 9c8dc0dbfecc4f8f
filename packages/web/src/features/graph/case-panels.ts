import './graph.css';
import { registerCasePanel } from '../cases/case-page-slots.ts';
import { CaseEntitiesPanel } from './CaseEntitiesPanel.tsx';

registerCasePanel({
  id: 'graph-entities',
  slot: 'entities',
  labelKey: 'graph:panel.entities',
  permission: 'entities.read',
  component: CaseEntitiesPanel,
});
