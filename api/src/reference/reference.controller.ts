import { Controller, Get, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CountryView,
  type FunctionalDirectorateView,
  languageFromAcceptLanguage,
  type Language,
  type RegionView,
  type ThematicAreaView,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ReferenceService } from './reference.service';
import { ApiJsonList } from '../common/openapi/decorators';

@ApiTags('reference')
@ApiBearerAuth()
@ApiHeader({ name: 'Accept-Language', required: false, description: 'es, en, pt or fr; else the user’s language' })
@RequirePermission('reference.read')
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('regions')
  @ApiOperation({ summary: 'The four regional directorates' })
  @ApiJsonList('RegionView')
  regions(@CurrentUser() user: AuthUser, @Headers('accept-language') acceptLanguage?: string): RegionView[] {
    return this.reference.regions(this.language(user, acceptLanguage));
  }

  @Get('countries')
  @ApiOperation({ summary: 'Countries the network serves, with region, time zone and languages' })
  @ApiJsonList('CountryView')
  countries(@CurrentUser() user: AuthUser, @Headers('accept-language') acceptLanguage?: string): CountryView[] {
    return this.reference.countries(this.language(user, acceptLanguage));
  }

  @Get('thematic-areas')
  @ApiOperation({ summary: 'The seven thematic areas of the services' })
  @ApiJsonList('ThematicAreaView')
  thematicAreas(
    @CurrentUser() user: AuthUser,
    @Headers('accept-language') acceptLanguage?: string,
  ): ThematicAreaView[] {
    return this.reference.thematicAreas(this.language(user, acceptLanguage));
  }

  @Get('functional-directorates')
  @ApiOperation({ summary: 'The functional directorates that work across regions' })
  @ApiJsonList('FunctionalDirectorateView')
  functionalDirectorates(
    @CurrentUser() user: AuthUser,
    @Headers('accept-language') acceptLanguage?: string,
  ): FunctionalDirectorateView[] {
    return this.reference.functionalDirectorates(this.language(user, acceptLanguage));
  }

  private language(user: AuthUser, acceptLanguage?: string): Language {
    return languageFromAcceptLanguage(acceptLanguage) ?? user.language;
  }
}
