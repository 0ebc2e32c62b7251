import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { AddNote } from '../application/add-note.command';
import { NOTE_MAX_LENGTH } from '../domain/internal-note';
import { NoteAddedAnswer } from './notes.answers';

class NoteDto {
  @ApiProperty({ description: 'the note as plain text; a mention is written `@[name](userId)` and notifies that user', maxLength: NOTE_MAX_LENGTH })
  @IsString()
  // The decider counts what is left after trimming; this only keeps a huge body from getting that far.
  @MaxLength(NOTE_MAX_LENGTH * 2, { message: `text must be at most ${NOTE_MAX_LENGTH} characters` })
  text!: string;
}

/** Internal notes: in the thread for the team, never for the contact. */
@ApiTags('conversations')
@Controller()
export class NotesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('conversations/:id/notes')
  @Allow('conversations.note')
  @HttpCode(201)
  @ApiCreatedResponse({ type: NoteAddedAnswer })
  add(@Param('id') id: string, @Body() body: NoteDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<NoteAddedAnswer> {
    return this.commands.execute(new AddNote(id, body.text, { ...context, accountId: user.accountId, userId: user.userId }));
  }
}
