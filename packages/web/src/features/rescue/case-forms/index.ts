export { FilesPanel } from './FilesPanel.tsx';
export { LocationForm } from './LocationForm.tsx';
export { ProtectionForm } from './ProtectionForm.tsx';
export { RepatriationForm } from './RepatriationForm.tsx';
export { RoleForm } from './RoleForm.tsx';
export { ScreeningForm } from './ScreeningForm.tsx';
