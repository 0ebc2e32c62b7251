import { ApiProperty } from '@nestjs/swagger';

export class UploadAnswer {
  @ApiProperty({ description: "the upload's id, for a reply's attachmentIds" }) attachmentId!: string;
}
