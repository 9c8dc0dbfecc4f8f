import './sharing.css';
import { registerCasePanel } from '../cases/case-page-slots.ts';
import { CaseSharingPanel } from './CaseSharingPanel.tsx';
import { MirroredCaseOwner } from './MirroredCaseOwner.tsx';
import { MirrorNotice } from './MirrorNotice.tsx';

registerCasePanel({
  id: 'sharing-partners',
  slot: 'sharing',
  labelKey: 'sharing:panel.title',
  permission: 'cases.read',
  component: CaseSharingPanel,
});

registerCasePanel({
  id: 'sharing-mirror-notice',
  slot: 'notices',
  labelKey: 'sharing:mirror.title',
  permission: 'cases.read',
  component: MirrorNotice,
});

registerCasePanel({
  id: 'sharing-case-owner',
  slot: 'owner',
  labelKey: 'cases:page.owner',
  permission: 'cases.read',
  component: MirroredCaseOwner,
});
