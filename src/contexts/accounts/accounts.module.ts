import { Module } from '@nestjs/common';
import { SESSION_RESOLVER } from '../../shared/http/signed-in-user';
import { ChangeAccountSettingsHandler } from './application/change-account-settings.command';
import { CreateUserHandler } from './application/create-user.command';
import { LogInHandler } from './application/log-in.command';
import { LogOutHandler } from './application/log-out.command';
import { LoginRateLimiter } from './application/login-rate-limiter';
import { SignupRateLimiter } from './application/signup-rate-limiter';
import { OpenAccountHandler } from './application/open-account.command';
import { UpdateUserHandler } from './application/update-user.command';
import { ChangeProfileHandler } from './application/change-profile.command';
import { AccountsController } from './http/accounts.controller';
import { AuthController } from './http/auth.controller';
import { UsersController } from './http/users.controller';
import { InvitationsController } from './http/invitations.controller';
import { AcceptInvitationHandler, InvitationLinks } from './application/accept-invitation.command';
import { InvitationMailer } from './application/invitation-mailer';
import { InviteUserHandler } from './application/invite-user.command';
import { ResendInvitationHandler } from './application/resend-invitation.command';
import { RevokeInvitationHandler } from './application/revoke-invitation.command';
import { InvitationsQueries } from './read-models/invitations.queries';
import { AccountsQueries } from './read-models/accounts.queries';
import { PasswordHasher } from './application/password-hasher';
import { AccountsSessionResolver } from './read-models/session-resolver';
import { ChangePasswordHandler } from './application/change-password.command';
import { ConfirmPasswordResetHandler } from './application/confirm-password-reset.command';
import { PasswordResetRateLimiter } from './application/password-reset-rate-limiter';
import { RequestPasswordResetHandler } from './application/request-password-reset.command';

@Module({
  controllers: [AccountsController, AuthController, UsersController, InvitationsController],
  providers: [
    AccountsQueries,
    LoginRateLimiter,
    PasswordHasher,
    SignupRateLimiter,
    OpenAccountHandler,
    LogInHandler,
    LogOutHandler,
    ChangeAccountSettingsHandler,
    CreateUserHandler,
    UpdateUserHandler,
    ChangeProfileHandler,
    PasswordResetRateLimiter,
    RequestPasswordResetHandler,
    ConfirmPasswordResetHandler,
    ChangePasswordHandler,
    InvitationsQueries,
    InvitationLinks,
    InvitationMailer,
    InviteUserHandler,
    ResendInvitationHandler,
    RevokeInvitationHandler,
    AcceptInvitationHandler,
    { provide: SESSION_RESOLVER, useClass: AccountsSessionResolver },
  ],
  exports: [AccountsQueries, SESSION_RESOLVER],
})
export class AccountsModule {}
