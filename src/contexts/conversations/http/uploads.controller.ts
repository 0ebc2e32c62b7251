import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  PayloadTooLargeException,
  Post,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiPayloadTooLargeResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { catchError, type Observable } from 'rxjs';
import type { CommandContext } from '../../../shared/application/command-context';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { ErrorBody } from '../../../shared/http/error-body';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { UploadAttachment } from '../application/upload-attachment.command';
import { UploadAnswer } from './uploads.answers';

/** A file as multer's memory storage hands it over. */
interface ReceivedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

class UploadDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'a pasted image, shown inline in the reply (a `cid:` image) rather than attached' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'inline must be true or false' })
  inline?: string;
}

/**
 * multer stops reading at the configured size and refuses with its own words; the agent is told
 * the limit and the field instead.
 */
@Injectable()
class UploadRefusals implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const limit = this.config.replyAttachments.maxFileBytes;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) {
          throw new HttpException(
            { message: `file must be at most ${limit} bytes (the limit per file)`, field: 'file', code: 'UPLOAD.TOO_LARGE' },
            HttpStatus.PAYLOAD_TOO_LARGE,
          );
        }
        if (error instanceof BadRequestException) {
          throw new HttpException({ message: `file must be sent alone, as the multipart field "file" (${error.message})`, field: 'file', code: 'INPUT.INVALID' }, HttpStatus.BAD_REQUEST);
        }
        throw error;
      }),
    );
  }
}

@ApiTags('conversations')
@Controller()
@Allow('conversations.reply')
export class UploadsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('uploads')
  @HttpCode(201)
  // The guard has run by now: only a replier's body is read, and only up to the limit.
  @UseInterceptors(UploadRefusals, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, inline: { type: 'string', enum: ['true', 'false'] } },
    },
  })
  @ApiCreatedResponse({ type: UploadAnswer, description: 'the upload, to name in a reply\'s `attachmentIds`' })
  @ApiPayloadTooLargeResponse({ type: ErrorBody, description: 'the file is over REPLY_ATTACHMENT_MAX_BYTES' })
  upload(
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() body: UploadDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<UploadAnswer> {
    if (!file) throw new InvalidInput('file', 'file is required: send it as the multipart field "file"');
    return this.commands.execute(
      new UploadAttachment(
        { filename: file.originalname, contentType: file.mimetype, bytes: file.buffer, inline: body.inline === 'true' },
        { ...context, accountId: user.accountId, userId: user.userId },
      ),
    );
  }
}
