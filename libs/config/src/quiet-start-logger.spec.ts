import type { LoggerService } from '@nestjs/common';
import { QuietStartLogger } from './quiet-start-logger';

describe('QuietStartLogger', () => {
  function inner(): jest.Mocked<Required<LoggerService>> {
    return {
      log: jest.fn(),
      error: jest.fn(),
      warn: jest.fn(),
      debug: jest.fn(),
      verbose: jest.fn(),
      fatal: jest.fn(),
      setLogLevels: jest.fn(),
    };
  }

  it("writes Nest's start-up chatter at debug and everything else as given", () => {
    const target = inner();
    const logger = new QuietStartLogger(target);
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    logger.log('ApiModule dependencies initialized', 'InstanceLoader');
    logger.log('Signatory API on http://localhost:3000');
    logger.log('sent', 'Mail');
    logger.warn('slow', 'RouterExplorer');
    expect(target.debug.mock.calls).toEqual([
      ['Mapped {/health, GET} route', 'RouterExplorer'],
      ['ApiModule dependencies initialized', 'InstanceLoader'],
    ]);
    expect(target.log.mock.calls).toEqual([
      ['Signatory API on http://localhost:3000'],
      ['sent', 'Mail'],
    ]);
    expect(target.warn).toHaveBeenCalledWith('slow', 'RouterExplorer');
  });
});
