import { DomainError, DomainErrorCode } from '@app/domain';
import type { Page } from './page-response';

/**
 * A form's action, or its form shown again when a field is refused: `act` answers the
 * page of what was done; when it throws the domain's Invalid error (`displayName:
 * required`, the JSON twin's 400), `refused` draws the form with that message, sent as a
 * 400. Any other error goes on to the page error filter.
 */
export async function orRefusedForm(
  act: () => Promise<Page>,
  refused: (message: string) => Page,
): Promise<Page> {
  try {
    return await act();
  } catch (error) {
    if (!(error instanceof DomainError && error.code === DomainErrorCode.Invalid)) throw error;
    return { ...refused(error.message), status: 400 };
  }
}
