import type { EventSchemas } from '../../../shared/domain/event-schema';
import { AccountOpenedData, AccountSettingsChangedData } from './account.decider';
import { FirstAccountClaimedData } from './first-account-claim.decider';
import { InvitationAcceptedData, InvitationResentData, InvitationRevokedData, InvitationSentData } from './invitation.decider';
import { SessionEndedData, SessionStartedData } from './session.decider';
import { UserEmailClaimedData } from './user-email-claim.decider';
import {
  PasswordResetRequestedData,
  UserDeactivatedData,
  UserPasswordChangedData,
  UserPasswordSetData,
  UserReactivatedData,
  UserRegisteredData,
  UserRenamedData,
  UserRoleChangedData,
  UserSignatureChangedData,
  UserLanguageChosenData,
} from './user.decider';

/** Accounts' part of the app's event registry. */
export const accountsEventSchemas: EventSchemas = {
  AccountOpened: AccountOpenedData,
  AccountSettingsChanged: AccountSettingsChangedData,
  UserRegistered: UserRegisteredData,
  UserPasswordSet: UserPasswordSetData,
  UserRenamed: UserRenamedData,
  UserRoleChanged: UserRoleChangedData,
  UserDeactivated: UserDeactivatedData,
  UserReactivated: UserReactivatedData,
  UserSignatureChanged: UserSignatureChangedData,
  UserLanguageChosen: UserLanguageChosenData,
  PasswordResetRequested: PasswordResetRequestedData,
  UserPasswordChanged: UserPasswordChangedData,
  SessionStarted: SessionStartedData,
  SessionEnded: SessionEndedData,
  UserEmailClaimed: UserEmailClaimedData,
  FirstAccountClaimed: FirstAccountClaimedData,
  InvitationSent: InvitationSentData,
  InvitationResent: InvitationResentData,
  InvitationRevoked: InvitationRevokedData,
  InvitationAccepted: InvitationAcceptedData,
};
