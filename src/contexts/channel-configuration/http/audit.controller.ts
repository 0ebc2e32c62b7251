import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChannelConfigurationAuditor } from '../application/configuration-audit';
import { ConfigurationAuditAnswer } from './channels.answers';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly auditor: ChannelConfigurationAuditor) {}

  @Get('channel-configuration')
  @Allow('audit.read')
  @ApiOkResponse({ type: ConfigurationAuditAnswer })
  @ApiQuery({ name: 'at', required: false, description: 'ISO time: the state as of that moment, and the events up to it' })
  channelConfiguration(@CurrentUser() user: SignedInUser, @Query('at') at?: string): Promise<ConfigurationAuditAnswer> {
    return this.auditor.audit(user.accountId, parseMoment(at));
  }
}

function parseMoment(at: string | undefined): Date | null {
  if (at === undefined || at === '') return null;
  const moment = /^\d{4}-\d{2}-\d{2}/.test(at) ? new Date(at) : new Date(NaN);
  if (Number.isNaN(moment.getTime())) throw new InvalidInput('at', 'at must be an ISO 8601 time such as 2026-01-31T09:30:00Z');
  return moment;
}
