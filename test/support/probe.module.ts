import { MailService } from '@app/mail';
import { Public } from '../../apps/api/src/auth/auth.decorators';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';

export class ProbeMailDto {
  @IsEmail()
  to: string;

  @IsString()
  @MaxLength(200)
  subject: string;

  @IsString()
  @MaxLength(10000)
  text: string;
}

/**
 * Test-only routes mounted beside the real modules by `createTestApp`: a request that
 * queues a mail through the outbox (as later features will), and one that fails unexpectedly.
 */
@Public()
// Not part of the API: the served document must equal the committed docs/openapi.json.
@ApiExcludeController()
@Controller('api/test-probe')
export class ProbeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  @Post('mail')
  @HttpCode(202)
  async queueMail(@Body() dto: ProbeMailDto): Promise<{ id: string }> {
    const message = await this.dataSource.transaction((manager) =>
      this.mail.queue(manager, {
        to: dto.to,
        subject: dto.subject,
        text: dto.text,
        html: `<p>${dto.text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
      }),
    );
    return { id: message.id };
  }

  @Post('crash')
  crash(): never {
    throw new Error('secret internal detail: /etc/passwd at line 42');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
